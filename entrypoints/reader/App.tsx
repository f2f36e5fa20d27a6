/**
 * The reader: a whole corpus document (reader.html#doc=DOC_ID&passage=PASSAGE_ID), scrolled to the
 * passage it was opened at. Wiring only: the state machine is lib/views/readerController.ts, the
 * page components/ReaderView.tsx.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { ReaderView } from '../../components/ReaderView';
import { parseReaderHash } from '../../lib/messages/pageUrls';
import { ReaderController } from '../../lib/views/readerController';
import { currentWindowId, openComparison } from '../../platform/sidePanel';
import { workerClient } from '../../platform/messaging';

export function App() {
  const reader = useMemo(
    () =>
      new ReaderController({
        getDocument: ({ docId, team }) => workerClient.getDocument(team ? { docId, team } : { docId }),
        listEntities: () => workerClient.listEntities().then((r) => r.entities),
        watchTarget: (callback) => {
          const onHash = () => callback(parseReaderHash(location.hash));
          addEventListener('hashchange', onHash);
          return () => removeEventListener('hashchange', onHash);
        },
      }),
    [],
  );
  // The window id is fetched ahead, so a click opens the side panel before any await (user gesture).
  const windowId = useMemo(() => {
    const known: { id?: number } = {};
    void currentWindowId().then((id) => (known.id = id));
    return known;
  }, []);
  useEffect(() => reader.start(parseReaderHash(location.hash)), [reader]);
  return <ReaderView reader={reader} onCompare={(e) => void openComparison(e.id, windowId.id)} />;
}
