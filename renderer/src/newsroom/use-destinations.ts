import { useCallback, useEffect, useState } from 'react';
import type { Destination, DestinationInput } from '../../../shared/api/contract';
import { api } from '../api';

/**
 * The library's newsroom destinations, read once, and a save that replaces them all (the
 * backend checks each profile and answers with what it stored). Shared by the Send dialog and
 * the Settings dialog.
 */
export function useDestinations(): {
  destinations: Destination[] | null;
  error: string | null;
  save: (next: readonly DestinationInput[]) => Promise<Destination[] | null>;
} {
  const [destinations, setDestinations] = useState<Destination[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.settings.get({}).then((result) => {
      if (!live) return;
      if (result.ok) setDestinations(result.value.destinations);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = useCallback(async (next: readonly DestinationInput[]) => {
    setError(null);
    const result = await api.settings.saveDestinations({ destinations: [...next] });
    if (!result.ok) {
      setError([result.error.message, ...(result.error.problems ?? []).map((p) => `${p.path}: ${p.message}`)].join(' '));
      return null;
    }
    setDestinations(result.value.destinations);
    return result.value.destinations;
  }, []);

  return { destinations, error, save };
}
