// Entry of the Dice worker thread (filled in below).
export {};
