// seedrandom's generator files as the browser shim imports them (their factories' shape is in src/rng/sources.ts)
declare module 'seedrandom/lib/alea.js' { const f: unknown; export default f; }
declare module 'seedrandom/lib/xor128.js' { const f: unknown; export default f; }
declare module 'seedrandom/lib/xorwow.js' { const f: unknown; export default f; }
declare module 'seedrandom/lib/xorshift7.js' { const f: unknown; export default f; }
declare module 'seedrandom/lib/xor4096.js' { const f: unknown; export default f; }
declare module 'seedrandom/lib/tychei.js' { const f: unknown; export default f; }
declare module 'seedrandom/seedrandom.js' { const f: unknown; export default f; }
