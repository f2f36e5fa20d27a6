/**
 * Latin letters with a stroke, which have no canonical decomposition (so NFD keeps them): mapped
 * to their base letter, as accents are (Łódź, Ørsted, Đakovo).
 */
export const STROKED_FOLD: Readonly<Record<string, string>> = {
  'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H',
};
