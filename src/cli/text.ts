/** Small wording helpers for human CLI output. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

export function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}
