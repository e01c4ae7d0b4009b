import type { CSSProperties } from 'react';

/**
 * For Garden's Table, which lays its columns out fixed (equal shares of the width, whatever they hold): at 1024 px a
 * Polish or Spanish header ("Dotrzymane z opóźnieniem", "Incumplido") is then wider than its column and runs over the
 * next one. Laid out automatically, each column is at least as wide as its longest word and the rest is shared out.
 */
export const WORDS_FIT_TABLE: CSSProperties = { tableLayout: 'auto' };

/**
 * Garden's cells are padded 12 px a side; a table of nine columns (compliance) gives up 8 px of each: in Polish, at
 * the ~964 px Zendesk leaves a nav_bar app in a 1024 px window, its words then still fit side by side.
 */
export const NARROW_CELL: CSSProperties = { paddingLeft: 8, paddingRight: 8 };
