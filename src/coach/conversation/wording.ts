/**
 * Words a person could use, built from how they asked: "how do i tell him i need him to back me
 * up" -> "I need you to back me up"; "how do i ask what we are" -> "I'd like to know what we are".
 * And what they fear about saying it ("without sounding needy", "without it becoming another
 * fight", "so she doesn't feel i'm choosing carmen over her"), sorted by the kind of worry so the
 * answer can speak to it. Pure string work on the person's own phrase, lower case.
 */

/** The kinds of worry a how-to question carries, each answered differently. */
export type WorryKind =
  'sound' | 'feel' | 'fight' | 'defensive' | 'deflect' | 'scare' | 'blame' | 'neutral' | 'keep';

/** A how-to action split into what is to be done and the worry about it. */
export interface ActionParts {
  /** What the person wants to do ("tell him i am lonely"). */
  main: string;
  /** What they fear, as they put it after "without" ("him feeling attacked"), or null. */
  worry: string | null;
  /** Whose reaction the worry is about, for "so she doesn't feel ..." ("she"), or null. */
  who: string | null;
}

/** Splits "tell him x without him feeling attacked" / "... so she doesnt feel y". */
export function splitAction(action: string): ActionParts {
  const so =
    /^(.+?),? so (?:that )?(he|she|they|[a-z]+) (?:doesn'?t|don'?t|won'?t|wont|dont|doesnt|does not|will not) (.+)$/.exec(
      action,
    );
  if (so) return { main: so[1].trim(), worry: so[3].trim(), who: so[2] };
  const without = /^(.+?),? without (.+)$/.exec(action);
  if (without) return { main: without[1].trim(), worry: without[2].trim(), who: null };
  return { main: action.trim(), worry: null, who: null };
}

/** The kind of a worry ("sounding needy" -> sound), or null when none fits. */
export function worryKind(worry: string): WorryKind | null {
  if (/^(?:it )?(?:sounding|sound|seeming|coming across|looking)\b/.test(worry)) return 'sound';
  if (
    /^(?:it )?(?:becoming|turning into|ending in|ending up in|starting|causing|being) (?:a |an |another |the same |world war )?(?:fight|argument|row|war|drama|scene|blow.?up)/.test(
      worry,
    )
  )
    return 'fight';
  if (
    /\b(?:getting |being |going )?defensive\b|\b(?:getting|being) (?:mad|angry|upset)\b/.test(worry)
  )
    return 'defensive';
  if (
    /^(?:scaring|freaking|pushing|putting|driving) (?:him|her|them|[a-z]+ )?(?:off|out|away)\b|^(?:scaring|freaking) (?:him|her|them)\b/.test(
      worry,
    )
  )
    return 'scare';
  if (
    /\b(?:deny|denying|denies|turn(?:ing)? it (?:on|around)|gaslight\w*|lie|lying|shut(?:ting)? down|storm(?:ing)? off)\b/.test(
      worry,
    )
  )
    return 'deflect';
  if (
    /^(?:taking|accepting|admitting) (?:all|the whole|full) (?:the )?blame\b|^it being all my fault\b/.test(
      worry,
    )
  )
    return 'blame';
  if (
    /^(?:trashing|badmouthing|bad-mouthing|slagging off|blaming|criticising|criticizing|taking sides|picking sides)\b/.test(
      worry,
    )
  )
    return 'neutral';
  if (/^(?:(him|her|them|[a-z]+) )?(?:feeling|feel|thinking|think)\b/.test(worry)) return 'feel';
  if (
    /^(?:losing|hurting|upsetting|making (him|her|them|[a-z]+) (?:choose|feel)|taking sides|trashing|choosing|pushing (him|her|them) away|ruining)\b/.test(
      worry,
    )
  )
    return 'keep';
  return null;
}

const WH = "(what's|whats|what|where|whether|if|why|how|when|who)";

/** A word list for the addressee a clause may name ("him", "her", "them" or a name). */
function toAddressee(clause: string, who: string): string {
  const re = new RegExp(`\\b${who}\\b`, 'g');
  return (
    clause
      .replace(re, 'you')
      // "tell tane i need him more": the one told is the one needed, missed or loved.
      .replace(
        /\b(i (?:really |still |just )?(?:need|miss|love|want|trust|forgive|appreciate|care about|like)) (?:him|her|them)\b/g,
        '$1 you',
      )
      .replace(/\byou (wants|needs|likes|thinks|feels|does|is|has|was)\b/g, (m, v: string) =>
        v === 'is'
          ? 'you are'
          : v === 'was'
            ? 'you were'
            : v === 'has'
              ? 'you have'
              : v === 'does'
                ? 'you do'
                : `you ${v.slice(0, -1)}`,
      )
  );
}

/** "i" said as "I" in a quote, with the person's missing apostrophes put back. */
function firstPerson(s: string): string {
  return s
    .replace(/\brn\b/g, 'right now')
    .replace(/\bim\b/g, "i'm")
    .replace(/\bive\b/g, "i've")
    .replace(/\b(do|does|did|is|was|are|ca|wo|should|would|could|have|has)nt\b/g, "$1n't")
    .replace(/\bwhats\b/g, "what's")
    .replace(/\bi\b/g, 'I')
    .replace(/\bi'/g, "I'");
}

/**
 * Words the person could say for what they want to do, or null when their phrase gives none:
 * only telling, asking and finding out are turned into a sentence of their own.
 */
export function quoteFor(main: string): string | null {
  const tell =
    /^(?:tell|let) (him|her|them|[a-z]+) (?:know )?that ((?!to\b).+)$/.exec(main) ??
    /^(?:tell|let) (him|her|them|[a-z]+) (?:know )?((?:i|i'm|im|we)\b.+)$/.exec(main);
  if (tell) {
    // "i am lonely" is said as a feeling shared, not a bare statement.
    const feel = /^i(?: am|'m| feel| have been feeling|'ve been feeling) (\w+)$/.exec(
      tell[2].replace(/^im\b/, "i'm"),
    );
    if (feel) return `I've been feeling ${feel[1]} lately, and I wanted you to know`;
    return firstPerson(toAddressee(tell[2], tell[1]));
  }
  const ask = new RegExp(`^(?:ask|check) (?:(him|her|them|[a-z]+) )?${WH} (.+)$`).exec(main);
  if (ask) {
    const rest = ask[1] ? toAddressee(ask[3], ask[1]) : ask[3];
    return firstPerson(`i'd like to know ${ask[2].replace(/^whats$/, "what's")} ${rest}`);
  }
  const find = new RegExp(`^(?:find out|work out|figure out) ${WH} (.+)$`).exec(main);
  if (find)
    return firstPerson(
      `i'd like to know ${find[1].replace(/^whats$/, "what's")} ${toAddressee(find[2], '(he|she|they)')}`,
    );
  return null;
}

/** Whether the action is opening a hard conversation in general ("bring it up", "ask him"). */
export function opensConversation(main: string): boolean {
  return /^(?:bring (?:it|this|that) up|raise (?:it|this|that)|start (?:that|the|this|a) (?:conversation|talk|chat)|have (?:that|the|this) (?:conversation|talk|chat)|talk (?:to|with) [a-z]+(?: about (?:it|this|that))?|talk about (?:it|this|that)|(?:ask|tell|approach|confront) (?:him|her|them|[a-z]+)(?: about (?:it|this|that))?)$/.test(
    main,
  );
}
