/**
 * The one error the importer throws: the document (or the curation file) does not say what the
 * importer expects, so the import stops instead of writing doubtful entries.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
