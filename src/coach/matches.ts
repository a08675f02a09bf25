/**
 * `String.prototype.matchAll` copies its regex on every call (and builds an iterator): for the
 * dozens of name and fact patterns run on each message, most of which match nothing, that copy
 * cost more than the scan.
 */

/**
 * What `[...t.matchAll(re)]` gives for a global `re`, read with `exec`. Starts where
 * `re.lastIndex` stands and leaves it there, as `matchAll` does.
 */
export function allMatches(re: RegExp, t: string): RegExpExecArray[] {
  const from = re.lastIndex;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    out.push(m);
    // An empty match moves on by one character (a code point under the u flag), as matchAll does.
    if (m[0] === '') {
      const i = re.lastIndex;
      const lead = t.charCodeAt(i);
      const trail = t.charCodeAt(i + 1);
      const pair =
        re.unicode && lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff;
      re.lastIndex = pair ? i + 2 : i + 1;
    }
  }
  re.lastIndex = from;
  return out;
}
