import type { Figure } from '../data/figure.ts';

/* A table as the site and the PDF render it: built by table.ts, or by statement.ts for a financial statement. */

export type TableCellModel =
  | { kind: 'text'; text: string }
  | { kind: 'check'; text: string; label: string; yes: boolean }
  | { kind: 'figure'; text: string; figure: Figure }
  | { kind: 'empty'; text: string };

export interface TableModel {
  id: string;
  title: string;
  /** Header rows: a group row (colspan) when columns are grouped, then the column labels. */
  header: { label: string; colspan: number; rowspan: number; numeric: boolean }[][];
  /** `highlight`: the row the dataset sets off from the others. */
  rows: {
    id: string;
    highlight: boolean;
    /** A financial table's line-item indent, and its rule when it sums the rows above. */
    indent?: number;
    style?: 'subtotal' | 'total' | undefined;
    cells: (TableCellModel & { numeric: boolean })[];
  }[];
  sources: string[];
}
