// The report's colours, chosen to stay apart for colour-blind readers (Okabe–Ito
// for categories) and to print legibly on white.

/** Categorical colours for curves, in the order series are drawn. */
export const CATEGORY = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#999933', '#882255'];

/** Colours of curves for parts of the scenario (a region, a district), apart from the state colours. */
export const SCOPE = ['#009e73', '#cc79a7', '#999933', '#882255', '#332288'];

/** Colours of the people states, the same in every chart and table. */
export const STATE = {
  evacuated: '#0072b2',
  left: '#56b4e9',
  trapped: '#d55e00',
  waiting: '#e69f00',
  fleet: '#cc79a7',
  complied: '#555555',
  before: '#7a7a7a',
} as const;

/** Light to dark ramp for "more is worse" values on the map (queues, delays). */
export const HEAT = ['#d9d9d9', '#fdd49e', '#fc8d59', '#e34a33', '#b30000', '#5c0000'];

/** Early to late ramp for clearance times (yellow → green → blue → purple). */
export const CLEARANCE_RAMP = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];

/** Fewer (orange) to more (blue) than the baseline, neutral grey between; colour-blind safe. */
export const CHANGE_RAMP = ['#b35806', '#f1a340', '#e0e0e0', '#67a9cf', '#2166ac'];

/** Map marks that are not data. */
export const MARK = {
  ink: '#222222',
  muted: '#8c8c8c',
  grid: '#e6e6e6',
  notTold: '#ffffff',
  notCleared: '#4d4d4d',
  trapped: '#d55e00',
  shelter: '#009e73',
  exit: '#0072b2',
  front: '#d55e00',
  closure: '#222222',
  slowdown: '#e69f00',
  queue: '#e69f00',
  fleet: '#cc79a7',
} as const;
