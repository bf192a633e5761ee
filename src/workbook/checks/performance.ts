/** The checks of the performance payouts: each pot of `Palliativ` and `Senior alert`, and their codes. */
import { PartyKind } from "../inputs";
import { PlanContext } from "../sheets/context";
import { PalliativeTables } from "../sheets/palliative";
import { ReferenceTables } from "../sheets/reference";
import { SeniorAlertTables } from "../sheets/seniorAlert";
import { Check, noneFound } from "./check";
import { fx } from "../refs";
import { cite } from "../sources";
import { heldBySeniorAlertConditions } from "../conditions";
import { codeChecks, registrationsCheck } from "./codes";
import { potChecks } from "./pots";

export function performanceChecks(
  ctx: PlanContext,
  reference: ReferenceTables,
  palliative: PalliativeTables,
  seniorAlert: SeniorAlertTables
): Check[] {
  return (["kommun", "landsting"] as const).flatMap((kind: PartyKind): Check[] => {
    const label = kind === "kommun" ? "kommuner" : "landsting";
    const pal = ctx.results.palliative[kind];
    const sa = ctx.results.seniorAlert[kind];
    const ref = kind === "kommun" ? reference.municipalities : reference.counties;
    const referenceRows = ref.lastRow - ref.firstRow + 1;
    const palliativeTable = palliative.tables[kind];
    const seniorAlertTable = seniorAlert.tables[kind];
    // The parties started in every relevant unit but held back by a step of the introduction, as the list names them.
    const held = sa.parties.flatMap((p) => heldBySeniorAlertConditions(p) ?? []);
    return [
      ...potChecks(ctx, {
        id: `p1-${kind}`,
        label: `Palliativ nivå 1, ${label}`,
        table: palliativeTable,
        cells: palliative.pots[kind].base,
        prefix: "b",
        allocation: pal.base.allocation,
      }),
      ...potChecks(ctx, {
        id: `p2-${kind}`,
        label: `Palliativ nivå 2, ${label}`,
        table: palliativeTable,
        cells: palliative.pots[kind].bonus,
        prefix: "o",
        allocation: pal.bonus.allocation,
      }),
      registrationsCheck(
        `p-${kind}-registreringar`,
        `Palliativ, ${label}: inga fler registreringar än dödsfall`,
        palliativeTable,
        pal.parties
      ),
      ...codeChecks({
        id: `p-${kind}`,
        label: `Palliativ, ${label}`,
        table: palliativeTable,
        reference: ref,
        parties: pal.parties,
        referenceRows,
      }),
      ...potChecks(ctx, {
        id: `s-${kind}`,
        label: `Senior alert, ${label}`,
        table: seniorAlertTable,
        cells: seniorAlert.pots[kind],
        prefix: "s",
        allocation: sa.result.allocation,
      }),
      noneFound({
        id: `s-${kind}-villkor`,
        label: `Senior alert, ${label}: parter som startat registrering i alla relevanta enheter men inte kvalificerar, eftersom ett villkor för införandet saknas (körkort, lösenord, lokal koordinator, verksamheterna identifierade, egen lista; ${cite("performance", 8)}); kolumnen Vilka namnger parterna och villkoren`,
        where: seniorAlertTable.sheet,
        count: {
          formula: fx`COUNTIF(${seniorAlertTable.col("startat_ej_kval")},"Ja")`,
          result: held.length,
        },
        informational: true,
        detail: {
          formula: fx`TEXTJOIN("; ",1,${seniorAlertTable.col("hindrad")})`,
          result: held.join("; "),
        },
        targets: [seniorAlertTable.col("startat_ej_kval"), seniorAlertTable.col("saknas")],
        failing: { kind: "where", targets: [0], test: { is: "text", value: "Ja" } },
      }),
      ...codeChecks({
        id: `s-${kind}`,
        label: `Senior alert, ${label}`,
        table: seniorAlertTable,
        reference: ref,
        parties: sa.parties,
        referenceRows,
      }),
    ];
  });
}
