/**
 * Small lexicons that are not topics or emotions: relationship-status cues in the text and the
 * ways people ask what to do (which selects a guidance answer).
 */
import type { Lexicon } from './matcher';
import type { RelationshipStatus } from './types';

/** Status cues. Statements ("we are separated") weigh more than inferences ("my husband"). */
export const STATUS_LEXICON: Lexicon<RelationshipStatus> = {
  married: [
    'my husband:2', 'my wife:2', 'my spouse:2', 'we are married:3', 'i am married:3', 'got married:2.5',
    'our marriage:2', 'my marriage:2', 'married for:2', 'been married:2.5', 'my hubby:2', 'married couple:2',
  ],
  engaged: [
    'my fiance:2.2', 'we are engaged:3', 'i am engaged:3', 'got engaged:3', 'our engagement:2.5', 'he proposed:2.8',
    'she proposed:2.8', 'our wedding is:2.2', 'wedding planning:2.2',
  ],
  in_relationship: [
    'my boyfriend:2', 'my girlfriend:2', 'my partner:2', 'we are together:2.5', 'in a relationship:2.5',
    'been together:2', 'our relationship:1.5', 'my man:1.5', 'my girl:1', 'we moved in together:2.5', 'live together:1.5',
    'been with him for:2', 'been with her for:2', 'my significant other:2',
  ],
  situationship: [
    'situationship:3', 'talking stage:3', 'friends with benefits:3', 'not official:3', 'not exclusive:3',
    'what are we:2.5', 'no label:2.5', 'not my boyfriend:2.6', 'not my girlfriend:2.6', 'something casual:2.5',
    'on and off:2', 'on again off again:2.5',
  ],
  dating: [
    'dating:1.5', 'we have been dating:2.5', 'first date:2', 'second date:2', 'dating apps:2', 'dating app:2',
    'guy i am seeing:2.5', 'girl i am seeing:2.5', 'seeing someone:2', 'few dates:2.5', 'couple of dates:2.5',
    'we went out:1.5', 'a guy i met:2', 'a girl i met:2', 'tinder:1.5', 'hinge:1.5', 'bumble:1.5',
  ],
  separated: [
    'we are separated:3', 'separated:2.5', 'we separated:3', 'separating:2.5', 'trial separation:3', 'living apart:2',
    'getting a divorce:2.6', 'filed for divorce:2.6', 'going through a divorce:2.6', 'divorcing:2.6',
  ],
  divorced: [
    'divorced:2.5', 'we are divorced:3', 'i am divorced:3', 'got divorced:3', 'my ex husband:3', 'my ex wife:3',
    'ex husband:2.5', 'ex wife:2.5', 'divorce is final:3', 'since my divorce:3', 'after my divorce:3', 'after the divorce:2.5',
  ],
  single: [
    'i am single:3', 'single again:3', 'being single:2', 'still single:2', 'my ex:1', 'broke up:1.2', 'we broke up:1.5',
    'dumped me:1.2', 'single:1.5', 'no longer together:2', 'not together anymore:2', 'since the breakup:1.5',
  ],
};

/** How people ask what to do. A hit selects `GUIDANCE_SESSION`. */
export const ADVICE_LEXICON: Lexicon<'advice'> = {
  advice: [
    'what should i do:3', 'what do i do:3', 'what can i do:3', 'what would you do:3', 'what would you suggest:3',
    'how do i:2', 'how can i:2', 'how should i:2.5', 'should i:2', 'any advice:3', 'advice:2.5', 'any tips:3',
    'tips:2', 'what do you think i should:3', 'help me decide:3', 'help me figure out:2.5', 'how to:1.5',
    'is it ok to:2', 'is it okay to:2', 'what is the best way:2.5', 'how do we:2', 'how can we:2',
    'what are my options:3', 'what now:2', 'tell me what to do:3', 'should we:2', 'suggestions:2.5', 'suggest:2',
    'recommend:2', 'what i should do:3', 'what to do:2', 'how do you:1.5', 'do i text:2.5', 'do i call:2.5',
    'do i tell:2.5', 'do i leave:2.5', 'do i stay:2.5', 'where do i start:2.5', 'next step:1.5', 'next steps:2',
    'help me:1.5', 'guide me:2.5', 'what would help:2',
  ],
};
