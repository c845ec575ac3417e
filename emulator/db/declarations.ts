/** The indexes declared in the repo (cloudfunctions/database/indexes.json), the same ones CloudBase gets. */
export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
  unique?: boolean;
}

/** Collection name -> its indexes. Every collection named here exists from the start, even with no index. */
export type IndexDeclarations = Record<string, IndexSpec[]>;
