import type { ExportDocument, ExportPart, ExportSession } from './export';

/**
 * Assembles the whole export document in memory. Used by GraphQL, whose JSON scalar needs the
 * value at once; large histories should be fetched through REST ({@link writeExportJson}).
 */
export async function collectExport(parts: AsyncIterable<ExportPart>): Promise<ExportDocument> {
  let document: ExportDocument | null = null;
  let session: ExportSession | null = null;
  for await (const part of parts) {
    switch (part.kind) {
      case 'header':
        document = { ...part.header, sessions: [] };
        break;
      case 'session':
        session = { ...part.session, messages: [] };
        document!.sessions.push(session);
        break;
      case 'messages':
        for (const message of part.messages) session!.messages.push(message);
        break;
      case 'sessionEnd':
        session = null;
        break;
    }
  }
  if (!document) throw new Error('export produced no header');
  return document;
}

/**
 * Writes the export document as JSON text, piece by piece, as the parts arrive: the text is
 * byte-for-byte what `JSON.stringify(await collectExport(parts))` would give, but only one batch
 * of messages is ever held. `write` should resolve when the sink can take more (backpressure).
 */
export async function writeExportJson(
  parts: AsyncIterable<ExportPart>,
  write: (chunk: string) => Promise<void>,
): Promise<void> {
  let sessionsWritten = 0;
  let messagesWritten = 0;
  for await (const part of parts) {
    switch (part.kind) {
      case 'header':
        // `{...header, "sessions":[` — the header's own JSON minus its closing brace keeps key order identical.
        await write(`${JSON.stringify(part.header).slice(0, -1)},"sessions":[`);
        break;
      case 'session':
        await write(
          `${sessionsWritten++ > 0 ? ',' : ''}${JSON.stringify(part.session).slice(0, -1)},"messages":[`,
        );
        messagesWritten = 0;
        break;
      case 'messages': {
        // One write per batch: fewer, larger chunks than one per message.
        const text = part.messages.map((message) => JSON.stringify(message)).join(',');
        await write(`${messagesWritten > 0 ? ',' : ''}${text}`);
        messagesWritten += part.messages.length;
        break;
      }
      case 'sessionEnd':
        await write(']}');
        break;
    }
  }
  await write(']}');
}
