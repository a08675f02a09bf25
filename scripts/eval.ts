/**
 * Prints the project's conversation evaluation (issue 11): every conversation's transcript with
 * what each check found, then the scores per measure, so a person can read what Amora said.
 *
 *   npm run eval                       # every conversations-N.json, transcripts and scores
 *   npm run eval -- --files 1,2        # only conversations-1.json and conversations-2.json
 *   npm run eval -- --scores           # scores only, no transcripts
 *   npm run eval -- --only c03         # one conversation's transcript
 */
import { createBlocksEngine, loadBlockLibrary } from '../src/coach';
import {
  formatScores,
  formatTranscript,
  loadConversations,
  runConversation,
  score,
} from '../tests/coach/conversation-eval';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const files = arg('--files')
    ?.split(',')
    .map((n) => `conversations-${n.trim()}.json`);
  const only = arg('--only');
  const scoresOnly = process.argv.includes('--scores');
  const library = loadBlockLibrary();
  const engine = createBlocksEngine({ library });
  const items = loadConversations(files).filter((i) => !only || i.conversation.id === only);
  const runs = items.map((item) => runConversation(engine, library, item));
  if (!scoresOnly) for (const run of runs) console.log(`${formatTranscript(run)}\n`);
  const byFile = new Map<string, typeof runs>();
  for (const run of runs) byFile.set(run.item.file, [...(byFile.get(run.item.file) ?? []), run]);
  for (const [file, fileRuns] of byFile) console.log(`${formatScores(file, score(fileRuns))}\n`);
  if (byFile.size > 1) console.log(formatScores('all', score(runs)));
}

main();
