import { DocumentScreen } from './document/DocumentScreen';
import { LibraryScreen } from './library/LibraryScreen';
import { useRoute } from './route';
import { ShortcutsPanel } from './shortcuts/ShortcutsPanel';

export function App() {
  const route = useRoute();
  return (
    <>
      {route.screen === 'document' ? <DocumentScreen key={route.id} id={route.id} /> : <LibraryScreen />}
      <ShortcutsPanel />
    </>
  );
}
