/**
 * Whether a question back fits the message it follows: a duration question needs an earlier time
 * ("how long has it been feeling like this?" after news from this afternoon asks the impossible), a
 * "since" question needs time to have passed, a who-question is not asked when the people were just
 * named, "how did that feel?" not when the message says how it felt, "what made the difference?"
 * not when it gives the cause, "how did you manage it?" not about a step still to come. The rules
 * are data (`ask-fit-cues.json`); they apply to every question, of the turn acts and of the blocks.
 */
import data from './ask-fit-cues.json';

interface Rule {
  id: string;
  ask: RegExp;
  needs: RegExp | null;
  unfit: RegExp | null;
}

const RULES: readonly Rule[] = (
  data.rules as { id: string; ask: string; needs?: string; unfit?: string }[]
).map((r) => ({
  id: r.id,
  ask: new RegExp(r.ask),
  needs: r.needs ? new RegExp(r.needs) : null,
  unfit: r.unfit ? new RegExp(r.unfit) : null,
}));

/** Lower case, apostrophes dropped, as the rules are written. */
function plain(text: string): string {
  return text.toLowerCase().replace(/['’‘`]/g, '');
}

/**
 * The id of the rule that makes a question unfit to follow a message, or null when it fits.
 * `names` are the names the person gave: a who-question is not asked right after they were said.
 */
export function unfitAsk(
  ask: string,
  message: string,
  names: readonly string[] = [],
): string | null {
  const rules = rulesFor(ask);
  if (rules.length === 0) return null;
  const m = plainMessage(message);
  for (const rule of rules) {
    if (rule.needs && !rule.needs.test(m)) return rule.id;
    if (rule.unfit && rule.unfit.test(m)) return rule.id;
    if (rule.id === 'who' && names.some((n) => namedIn(n, m))) return rule.id;
  }
  return null;
}

/** The last message made plain: every question of a turn is checked against the same one. */
let lastMessage = '';
let lastPlain = '';
function plainMessage(message: string): string {
  if (message !== lastMessage) {
    lastMessage = message;
    lastPlain = plain(message);
  }
  return lastPlain;
}

/** The rules about a question, found once per question text (the texts are a fixed set). */
const RULES_OF = new Map<string, readonly Rule[]>();
function rulesFor(ask: string): readonly Rule[] {
  let rules = RULES_OF.get(ask);
  if (!rules) {
    const q = plain(ask).trim();
    rules = q.endsWith('?') ? RULES.filter((r) => r.ask.test(q)) : [];
    RULES_OF.set(ask, rules);
  }
  return rules;
}

/** Whether any rule is about this question: the others always fit, and need no checking. */
export function mayBeUnfit(ask: string): boolean {
  return rulesFor(ask).length > 0;
}

/** Whether a name the person gave is said in the (plain) message. */
function namedIn(name: string, message: string): boolean {
  const n = plain(name).replace(/[^\p{L}'-]/gu, '');
  return n.length > 1 && new RegExp(`(?<!\\p{L})${n}(?!\\p{L})`, 'u').test(message);
}
