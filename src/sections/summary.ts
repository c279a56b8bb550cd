import type { Line } from '../report.js';
import { defineSection } from './types.js';

// The script's closing print("""...""") (it opens and closes with a newline) and its banner.
const GUIDE = `
Regression:
 - MSE: Standard, sensitive to outliers
 - MAE: Robust to outliers, but non-smooth at zero
 - Huber: Best of both worlds, smooth and robust
 - Log-Cosh: Smooth MAE alternative

Classification:
 - Cross-Entropy: Standard, use with softmax
 - Focal Loss: Class imbalance, focus on hard examples
 - Label Smoothing: Improve calibration, prevent overconfidence

Metric Learning:
 - Contrastive: Pairwise similarity
 - Triplet: Ranking, requires triplets
 - InfoNCE: Contrastive with multiple negatives

Segmentation:
 - Dice Loss: Handles class imbalance better than BCE
 - Focal Loss: Can be adapted for segmentation
 - Combo: Dice + BCE often works best

Multi-Task:
 - Uncertainty weighting: Let model learn task importance
 - Manual weighting: Domain knowledge required
 - Gradient balancing: GradNorm, PCGrad

Implementation Tips:
 1. Always use numerical stability tricks (log-sum-exp)
 2. Check for NaN/inf during training
 3. Normalize losses if combining multiple terms
 4. Visualize loss landscapes to understand optimization
 5. Consider task-specific requirements (imbalance, outliers, etc.)
`;

const BAR = '='.repeat(60);

// print(GUIDE), then print("\n" + "=" * 60), the closing text and the bar
const LINES: readonly Line[] = [
  ...GUIDE.split('\n').map((l): Line => [l]),
  [''],
  [BAR],
  ['Loss functions demonstration complete!'],
  [BAR],
];

export const section = defineSection({
  number: null,
  name: 'summary',
  title: 'Summary: Loss Function Selection Guide',
  options: [],
  run() {
    return { lines: LINES };
  },
});
