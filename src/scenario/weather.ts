// Capacity factors of weather conditions: 1 − the average capacity reduction
// of the Highway Capacity Manual 2010, Exhibit 10-15 (freeways), by
// precipitation intensity. The HCM exhibit gives no free-speed change, so a
// weather hazard slows traffic only by the speedFactor the scenario gives.
import type { WeatherCondition } from './types.js';

/** Capacity factor of each condition, with the intensity the HCM row covers. */
export const WEATHER_CAPACITY: Record<WeatherCondition, { factor: number; intensity: string }> = {
  clear: { factor: 1, intensity: 'no precipitation' },
  'light-rain': { factor: 1 - 0.0201, intensity: 'rain up to 0.10 in/h (2.5 mm/h)' },
  'moderate-rain': { factor: 1 - 0.0724, intensity: 'rain 0.10–0.25 in/h (2.5–6.4 mm/h)' },
  'heavy-rain': { factor: 1 - 0.1413, intensity: 'rain over 0.25 in/h (6.4 mm/h)' },
  'light-snow': { factor: 1 - 0.0429, intensity: 'snow up to 0.05 in/h (1.3 mm/h)' },
  'moderate-snow': { factor: 1 - 0.0866, intensity: 'snow 0.05–0.10 in/h (1.3–2.5 mm/h)' },
  'heavy-snow': { factor: 1 - 0.1104, intensity: 'snow 0.10–0.50 in/h (2.5–12.7 mm/h)' },
  'very-heavy-snow': { factor: 1 - 0.2243, intensity: 'snow over 0.50 in/h (12.7 mm/h)' },
};
