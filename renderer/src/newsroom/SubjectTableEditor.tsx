import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SUBJECT_TABLE, SUBJECT_CODE, type SubjectRow } from '../../../shared/export/subjects';

/** Whether every row has a section and an 8-digit code (what the backend accepts). */
export const subjectTableValid = (rows: readonly SubjectRow[]): boolean => rows.every((r) => r.section.trim() !== '' && SUBJECT_CODE.test(r.code));

/**
 * A destination's section → IPTC subject code table: one row per section name, editable,
 * with a way back to the defaults. Folded away by default: most desks keep the defaults.
 */
export function SubjectTableEditor({ rows, onChange }: { rows: readonly SubjectRow[]; onChange: (rows: SubjectRow[]) => void }) {
  const { t } = useTranslation();
  const hint = useId();
  const set = (index: number, row: SubjectRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <details className="subject-table wide">
      <summary>{t('newsroom.subjects.title', { count: rows.length })}</summary>
      <p id={hint} className="muted">
        {t('newsroom.subjects.hint')}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('newsroom.subjects.section')}</th>
            <th scope="col">{t('newsroom.subjects.code')}</th>
            <th scope="col" aria-label={t('newsroom.subjects.actions')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const badCode = !SUBJECT_CODE.test(row.code);
            return (
              <tr key={i}>
                <td>
                  <input
                    type="text"
                    aria-label={t('newsroom.subjects.sectionOf', { n: i + 1 })}
                    value={row.section}
                    aria-invalid={row.section.trim() === '' ? true : undefined}
                    onChange={(e) => set(i, { ...row, section: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="numeric"
                    maxLength={8}
                    aria-label={t('newsroom.subjects.codeOf', { section: row.section || String(i + 1) })}
                    aria-describedby={hint}
                    aria-invalid={badCode ? true : undefined}
                    value={row.code}
                    onChange={(e) => set(i, { ...row, code: e.target.value.trim() })}
                  />
                </td>
                <td>
                  <button type="button" aria-label={t('newsroom.subjects.remove', { section: row.section || String(i + 1) })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    {t('newsroom.subjects.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={() => onChange([...rows, { section: '', code: '' }])}>
          {t('newsroom.subjects.add')}
        </button>
        <button type="button" onClick={() => onChange(DEFAULT_SUBJECT_TABLE.map((r) => ({ ...r })))}>
          {t('newsroom.subjects.reset')}
        </button>
      </div>
    </details>
  );
}
