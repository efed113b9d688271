import { useEffect, useState } from 'react';
import { api } from './api';
import { useDesktopCommand } from './desktop/commands';
import { DocumentScreen } from './document/DocumentScreen';
import { openFileFromOs } from './exchange/open-from-os';
import { LibraryScreen } from './library/LibraryScreen';
import { FirstStartProfile } from './profile/FirstStartProfile';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import { navigate, useRoute } from './route';
import { ShortcutsPanel } from './shortcuts/ShortcutsPanel';

export function App() {
  const route = useRoute();
  // A library that failed its integrity check is not opened; the app offers its backups instead.
  // Nothing else is shown until the check has answered, so no screen or first-start dialog can
  // appear on top of a damaged library.
  const [checked, setChecked] = useState(false);
  const [damage, setDamage] = useState<string | null>(null);
  useEffect(() => {
    void api.library.health({}).then((result) => {
      if (result.ok && result.value.damaged) setDamage(result.value.message ?? '');
      setChecked(true);
    });
  }, []);
  const [osFileError, setOsFileError] = useState<string | null>(null);
  useDesktopCommand('open-file', (command) => void openFileFromOs(command).then(setOsFileError));
  if (!checked) return null;
  if (damage !== null) {
    return (
      <RecoveryScreen
        message={damage}
        onRestored={() => {
          setDamage(null);
          navigate({ screen: 'library' });
        }}
      />
    );
  }
  return (
    <>
      {osFileError && (
        <p role="alert" className="error page-error">
          {osFileError}
        </p>
      )}
      {route.screen !== 'document' && <FirstStartProfile />}
      {route.screen === 'document' ? <DocumentScreen key={route.id} id={route.id} /> : <LibraryScreen />}
      <ShortcutsPanel />
    </>
  );
}
