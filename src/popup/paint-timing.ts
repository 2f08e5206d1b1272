/**
 * The Element Timing identifier on every record row's title: the browser reports when the first
 * one was painted, which `npm run bench` reads. Kept apart so the benchmark can import it.
 */
export const ROW_PAINT_TIMING = 'linkwatch-row';
