/**
 * Turning chosen blocks into one answer: placeholders filled, sentences capitalised and joined
 * into natural prose. Whatever a block or the user typed, no "{" or "}" reaches the user.
 */

/** What placeholders are filled with. */
export interface FillValues {
  /** The partner's name, or null for "your partner". */
  partnerName: string | null;
  /** A short phrase of the user's words (without quotes), or null. */
  echo: string | null;
}

/** "Alex" -> "Alex's"; no name -> "your partner's". */
export function possessive(name: string | null): string {
  return name ? `${name}'s` : "your partner's";
}

const SENTENCE_START = /(^|[.!?]["”’)]?\s+)(["“]?)(\p{Ll})/gu;

/** Upper-cases the first letter of every sentence (also right after an opening quote). */
export function capitaliseSentences(text: string): string {
  return text.replace(
    SENTENCE_START,
    (_m, pre: string, quote: string, ch: string) => pre + quote + ch.toUpperCase(),
  );
}

/**
 * Fills `{partner}`, `{partner_possessive}` and `{echo}` in one block text. The echo is put in
 * double quotes unless the text already quotes it. Any other brace left over is removed.
 */
export function fillPlaceholders(text: string, values: FillValues): string {
  const partner = values.partnerName ?? 'your partner';
  const echo = values.echo ?? 'what you just shared';
  let out = text
    .replace(/["“]\{echo\}["”]/g, `"${echo}"`)
    .replace(/\{echo\}/g, values.echo ? `"${echo}"` : echo)
    .replace(/\{partner_possessive\}/g, possessive(values.partnerName))
    .replace(/\{partner\}/g, partner);
  // Safety net: a brace must never reach the user, whatever the data says.
  out = out.replace(/[{}]/g, '');
  return out;
}

/** Ends a piece with sentence punctuation if it has none. */
function terminate(piece: string): string {
  return /[.!?]["”’)]?$/.test(piece) ? piece : `${piece}.`;
}

/**
 * Joins filled block texts into one answer: single spaces between sentences, capitalised
 * sentence starts, no space before punctuation, no doubled punctuation.
 */
export function joinPieces(pieces: readonly string[]): string {
  let text = pieces
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map(terminate)
    .join(' ');
  text = text
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])\1+/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .replace(/([!?])\.+/g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/\s{2,}/g, ' ')
    .replace(/[{}]/g, '')
    .trim();
  return capitaliseSentences(text);
}

/** Fills and joins block texts: the whole compose step. */
export function composeReply(texts: readonly string[], values: FillValues): string {
  return joinPieces(texts.map((t) => fillPlaceholders(t, values)));
}
