/*
 * The build's conflict dialog says what collides: sheets, tables, workbook names, or a mix, never "the
 * sheets exist" when only a name does.
 */
import { conflictMessage } from "../../src/taskpane/conflict";

const none = { status: "conflict", sheets: [], tables: [], names: [], suffix: 2 } as const;

describe("the conflict dialog", () => {
  it("speaks of sheets when sheets collide", () => {
    const m = conflictMessage({ ...none, sheets: ["Palliativ"] });
    expect(m.title).toBe("Bladet finns redan");
    expect(m.text).toBe(
      "Arbetsboken har redan ett blad som bygget också skulle skapa. Inget skrivs över: bygg bredvid med nya namn, eller avbryt."
    );
    expect(m.list).toBe("Blad: Palliativ.");
    expect(m.suffixButton).toBe("Bygg med nya namn (”Palliativ (2)” …)");
  });

  it("speaks of a workbook name, not of sheets, when only a name collides", () => {
    const m = conflictMessage({ ...none, names: ["P_Troskel_Bas"] });
    expect(m.title).toBe("Namnen finns redan");
    expect(m.text).toMatch(/^Arbetsboken har redan ett namn som bygget också skulle skapa \(tabeller och namn/);
    expect(m.text).not.toMatch(/blad/);
    expect(m.list).toBe("Namn: P_Troskel_Bas.");
    expect(m.suffixButton).toBe("Bygg med nya namn (”P_Troskel_Bas_2” …)");
  });

  it("names a colliding table as a table", () => {
    const m = conflictMessage({ ...none, tables: ["Palliativ_kommun"] });
    expect(m.title).toBe("Tabellen finns redan");
    expect(m.list).toBe("Tabell: Palliativ_kommun.");
  });

  it("lists each kind, a few of each, when several collide", () => {
    const m = conflictMessage({
      ...none,
      sheets: ["Start", "Parametrar", "Avstämning", "Palliativ", "Senior alert", "Länsbidrag"],
      tables: ["Palliativ_kommun", "Palliativ_landsting"],
      names: ["P_Troskel_Bas"],
    });
    expect(m.title).toBe("Blad, tabeller och namn finns redan");
    expect(m.text).toMatch(/^Arbetsboken har redan 6 blad, 2 tabeller och ett namn som bygget också skulle skapa/);
    expect(m.list).toBe(
      "Blad: Start, Parametrar, Avstämning, Palliativ och 2 till. Tabeller: Palliativ_kommun, Palliativ_landsting. Namn: P_Troskel_Bas."
    );
  });
});
