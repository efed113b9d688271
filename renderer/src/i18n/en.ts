export const en = {
  app: { name: 'Interview Desk' },
  library: {
    title: 'Interviews',
    new: 'New interview',
    empty: 'No interviews yet. Start one with “New interview”.',
    untitled: 'Untitled interview',
    updated: 'Changed {{when}}',
    loadError: 'The library could not be read: {{message}}',
  },
  status: { draft: 'Draft', in_review: 'In review', approved: 'Approved', sent: 'Sent' },
  meta: {
    section: 'Section',
    headline: 'Headline',
    location: 'Location',
    sapo: 'Sapo',
    byline: 'Byline',
    headlinePlaceholder: 'Headline',
    sapoPlaceholder: 'The lede: one or two sentences that sum up the interview',
  },
  document: {
    back: 'Library',
    loading: 'Opening…',
    loadError: 'This interview could not be opened: {{message}}',
  },
  editor: {
    toolbar: 'Editing tools',
    newTurn: 'New turn',
    newTurnHint: 'Start the next speaker’s turn (Ctrl+Enter)',
    body: 'Interview body',
    placeholder: 'Write the introduction, or press Ctrl+Enter to start the first question.',
    hint: 'Enter: new paragraph · Ctrl+Enter: next speaker · Alt+1…9: choose speaker',
  },
  save: {
    saved: 'Saved',
    pending: 'Unsaved changes',
    saving: 'Saving…',
    error: 'Not saved: {{message}}',
    conflict: 'Not saved: this interview was changed elsewhere. Reload to see the newer version.',
    retry: 'Retry',
    reload: 'Reload',
  },
};

export type Messages = typeof en;
