/**
 * How each kind of cell looks, written once for both writers (exceljs for the file, Office.js for the open
 * workbook): inputs yellow, references grey, checks green, engine values in grey italics. Colours are
 * RRGGBB; each writer turns them into its own form.
 */
import { CellStyle, ConditionalFormatPlan } from "./plan";

/** The workbook's font (LibreOffice draws it with the metric-compatible Carlito). */
export const FONT = "Calibri";

export interface Look {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size?: number;
    readonly color?: string;
  };
  readonly fill?: string;
  readonly wrapText?: boolean;
  readonly verticalCenter?: boolean;
  readonly verticalTop?: boolean;
  readonly topBorder?: boolean;
}

const NAVY = "1F3864";
const GREY_TEXT = "4B5563";

export const LOOK: Readonly<Record<CellStyle, Look>> = {
  title: { font: { bold: true, size: 14, color: NAVY } },
  subtitle: { font: { bold: true, size: 12, color: NAVY } },
  note: { font: { italic: true, color: GREY_TEXT }, verticalTop: true },
  remark: { font: { italic: true, color: GREY_TEXT }, wrapText: true, verticalTop: true },
  paragraph: { wrapText: true, verticalTop: true },
  warningParagraph: { font: { bold: true, color: "9C0006" }, wrapText: true, verticalTop: true },
  summary: { font: { bold: true, size: 12, color: NAVY }, wrapText: true, verticalTop: true },
  warning: { font: { bold: true, color: "9C0006" } },
  label: { verticalTop: true },
  header: { font: { bold: true, color: "FFFFFF" }, fill: NAVY, wrapText: true, verticalCenter: true },
  input: { fill: "FFF2CC", verticalTop: true },
  reference: { fill: "F3F4F6", verticalTop: true },
  calc: { verticalTop: true },
  amount: { font: { bold: true }, verticalTop: true },
  engine: { font: { italic: true, color: GREY_TEXT }, verticalTop: true },
  check: { fill: "EFF6EE", verticalTop: true },
  total: { font: { bold: true }, topBorder: true },
};

/** The looks of conditional formats: good green, bad red, warn orange (not the yellow of input cells). */
export const CONDITIONAL_LOOK: Readonly<Record<ConditionalFormatPlan["look"], { fill: string; font: string }>> = {
  good: { fill: "C6EFCE", font: "006100" },
  bad: { fill: "FFC7CE", font: "9C0006" },
  warn: { fill: "F8CBAD", font: "833C0B" },
};
