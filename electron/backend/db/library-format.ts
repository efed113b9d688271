/**
 * A library file that did not come from this app's own open library — a backup being restored, a
 * library named to the CLI — as the foreign-file opener (foreign-db/) knows it: `application_id`
 * IDLB, versions 1 to the newest, each with the exact schema its migrations make. A library has
 * its own full-text index (a virtual table and its triggers, migration v2): those, exactly as the
 * migration writes them, are expected; any other view, trigger or virtual table is refused.
 */
import { openForeignFile, type ForeignFileOptions, type ForeignSource } from '../foreign-db/open-foreign-file';
import type { FileWords } from '../foreign-db/refusals';
import { schemaOf } from '../foreign-db/schema-of';
import type { ForeignFormat, IntegrityCheck, SchemaObject, TableRead } from '../foreign-db/types';
import { migrations } from './migrations';
import { LIBRARY_APPLICATION_ID, LIBRARY_SCHEMA_VERSION } from './open-library';

let schemas: { version: number; schema: SchemaObject[] }[] | null = null;

/** Each version's schema, built by running the migrations up to it on an empty database. */
function librarySchemas(): { version: number; schema: SchemaObject[] }[] {
  schemas ??= Array.from({ length: LIBRARY_SCHEMA_VERSION }, (_, i) => ({
    version: i + 1,
    schema: schemaOf((db) => {
      for (let v = 0; v <= i; v++) migrations[v]!(db);
    }),
  }));
  return schemas;
}

export function libraryFormat(reads: TableRead[] = []): ForeignFormat {
  return { kind: 'library', applicationId: LIBRARY_APPLICATION_ID, newest: LIBRARY_SCHEMA_VERSION, versions: librarySchemas(), reads };
}

export interface LibraryCheck {
  /** The file's name as the user knows it. */
  name: string;
  words: FileWords;
  integrity: IntegrityCheck;
  scratchDir?: string;
  timeLimitMs?: number;
  otherKinds?: ForeignFileOptions['otherKinds'];
}

/**
 * Is this file a library exactly as Interview Desk writes one (and sound, as far as `integrity`
 * checks)? Resolves when it is; rejects with a ForeignFileError (foreign-db/refusals.ts) saying
 * what is wrong when it is not. Nothing is read from its tables.
 */
export async function checkForeignLibrary(source: ForeignSource, check: LibraryCheck): Promise<void> {
  await openForeignFile(source, {
    name: check.name,
    words: check.words,
    formats: [libraryFormat()],
    otherKinds: check.otherKinds,
    integrity: check.integrity,
    scratchDir: check.scratchDir,
    timeLimitMs: check.timeLimitMs,
  });
}
