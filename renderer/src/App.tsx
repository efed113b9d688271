import { useEffect, useState } from 'react';
import { api } from './api';
import { useDesktopCommand } from './desktop/commands';
import { DocumentScreen } from './document/DocumentScreen';
import { openFileFromOs } from './exchange/open-from-os';
import { LibraryScreen } from './library/LibraryScreen';
import { FirstStartProfile } from './profile/FirstStartProfile';
import { profileLoaded } from './profile/profile-store';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import { navigate, useRoute } from './route';
import { ShortcutsPanel } from './shortcuts/ShortcutsPanel';
import { SpellingSettingsAlert } from './settings/SpellingSettingsAlert';
import { LibrarySpellingSettings } from './spelling/library-spelling-settings';
import { SpellingSettingsContext } from './spelling/spelling-settings';

export function App() {
  const route = useRoute();
  // A library that failed its integrity check is not opened; the app offers its backups instead.
  // Nothing else is shown until the check has answered, so no screen or first-start dialog can
  // appear on top of a damaged library; nor before the profile is known (it sets a document's mode).
  const [checked, setChecked] = useState(false);
  const [damage, setDamage] = useState<string | null>(null);
  useEffect(() => {
    void api.library.health({}).then(async (result) => {
      if (result.ok && result.value.damaged) setDamage(result.value.message ?? '');
      else await profileLoaded();
      setChecked(true);
    });
  }, []);
  const [osFileError, setOsFileError] = useState<string | null>(null);
  // One store for the app: read from the library once (on first use), shared by every document and the Settings dialog.
  const [spellingSettings] = useState(() => new LibrarySpellingSettings(api.spelling));
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
    <SpellingSettingsContext.Provider value={spellingSettings}>
      <SpellingSettingsAlert />
      {osFileError && (
        <p role="alert" className="error page-error">
          {osFileError}
        </p>
      )}
      {route.screen !== 'document' && <FirstStartProfile />}
      {route.screen === 'document' ? <DocumentScreen key={route.id} id={route.id} /> : <LibraryScreen />}
      <ShortcutsPanel />
    </SpellingSettingsContext.Provider>
  );
}
