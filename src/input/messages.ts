/**
 * Every message about input, phrased once: the engine's rule errors, the readers' verdicts on a cell,
 * and the problems of a file or a table. Swedish, as staff read them in Excel, the pane and the command
 * line; each says what is wrong and what to do. The messages of the engine's own rule errors are written in
 * the engine (`src/engine/messages.ts`, which imports nothing from above it) and taken in here, so that every
 * face reads one catalogue, as HyperFormula keeps its messages in one `ErrorMessage` class.
 *
 * Values reach these functions already shown for people (cut, invisible characters made visible): see
 * `src/input/show.ts`.
 */
import { RuleProblem, RuleWord } from "../engine/messages";

/** The words a message uses for each input, so that every face names a value the same way. */
export const Label = {
  code: "koden",
  municipalityCode: "kommunkoden",
  countyCode: "länskoden",
  partyKind: "typ",
  name: "namn",
  deaths: "dödsfall",
  registrations: "registreringar",
  population: "folkmängd",
  started: "alla relevanta enheter startat",
  month: "månaden",
  individual: "individ",
  care: "vårdform",
  daysReported: "rapporterade dagar",
  daysAfter: "dagar efter analys",
  dischargeDays: "utskrivningsklara dagar",
  weight: "vikten",
  organisationNumber: "organisationsnumret",
  bankgiro: "bankgironumret",
  plusgiro: "plusgironumret",
  payeeKind: "typ",
  applicantKind: "sökande",
  politicalBacking: "politisk förankring",
  pot: "potten",
  threshold: RuleWord.threshold,
  step: RuleWord.step,
  total: "totalen",
  base: "grundbeloppet",
  pricePerDay: "priset per dag",
  dayLimit: "dagsgränsen",
  averageLimit: "snittgränsen",
} as const;

/** The problems, phrased once. */
export const Problem = {
  // The rules: those the engine raises are its own (src/engine/messages.ts); these the faces raise.
  ...RuleProblem,
  dischargeOutsideCounty: (municipality: string, county: string) =>
    `kommunen ${municipality} ligger inte i Kalmar län (${county}): regleringen gäller Kalmar läns kommuner (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 7 och 10).`,
  dischargeOutsideYear: (month: string, year: string) =>
    `månaden ${month} ligger inte i ${year}: regleringen gäller ${year} (presentationen "Länsgemensam ledning i samverkan", Kalmar län, bild 2 och 10).`,
  daysAfterExceedReported: (after: string, reported: string) =>
    `dagar efter analys (${after}) är fler än rapporterade dagar (${reported}). Analysen och omräkningen kan bara minska dagarna.`,
  partyNotFound: (code: string) => `koden ${code} finns inte i kodkolumnen.`,
  notPaymentBasis: (what: string, value: string, bases: string) =>
    `${what} (${value}) ska vara ${bases}. Välj grunden i listan på bladet Parametrar.`,

  // A cell as read by the readers (src/input/readers.ts): the same words in every face (and, written in the
  // engine, notANumber, notWholeCount, negative, tooLarge, shareOutOfRange and notPositive).
  blankInUsedRow: (what: string) => `${what} saknas. Fyll i ett tal (0 om det inte finns några) eller töm hela raden.`,
  missing: (what: string) => `${what} saknas.`,
  numberFormat: (what: string, value: string) =>
    `${what} (${value}) går inte att läsa säkert som ett tal: skriv decimaltecknet en gång (komma eller punkt) ` +
    "och mellanslag mellan tusental, t.ex. 1 234 567,50.",
  ambiguousThousands: (what: string, value: string) =>
    `${what} (${value}) kan läsas både som ett decimaltal och som tusental. Skriv tusental med mellanslag ` +
    "(1 234) eller utan avgränsare (1234), och decimaler med högst två siffror efter kommat.",
  exponent: (what: string, value: string) =>
    `${what} (${value}) är skrivet med exponent. Skriv talet med alla siffror, t.ex. 1000 i stället för 1e3.`,
  foreignDigits: (what: string, value: string, character: string) =>
    `${what} (${value}) har siffror som inte är 0–9 (${character}). Skriv talet med vanliga siffror.`,
  invisibleCharacter: (what: string, value: string, character: string) =>
    `${what} (${value}) innehåller tecknet ${character}, som inte syns. Ta bort det och skriv värdet igen.`,
  noVisibleCharacter: (what: string, value: string, character: string) =>
    `${what} (${value}) har inget tecken som syns för sig självt, bara till exempel ${character}. Skriv värdet med bokstäver eller siffror.`,
  tooManyDecimals: (what: string, value: string) => `${what} (${value}) får ha högst två decimaler (öre).`,
  notYesNo: (what: string, value: string) => `${what} (${value}) ska vara Ja eller Nej.`,
  yesNoMissing: (what: string) => `${what} saknas. Skriv Ja eller Nej.`,
  notMonth: (what: string, value: string) => `${what} (${value}) ska skrivas ÅÅÅÅ-MM, t.ex. 2018-03.`,
  monthMissing: (what: string) => `${what} saknas. Skriv den som ÅÅÅÅ-MM, t.ex. 2018-03.`,
  notDate: (what: string, value: string) =>
    `${what} (${value}) ska vara ett datum som finns, ÅÅÅÅ-MM-DD, t.ex. 2018-08-31.`,
  notCare: (what: string, value: string) => `${what} (${value}) ska vara somatisk eller psykiatri.`,
  careMissing: (what: string) => `${what} saknas. Skriv somatisk eller psykiatri.`,
  notPartyKind: (what: string, value: string) => `${what} (${value}) ska vara kommun eller landsting.`,
  partyKindMissing: (what: string) => `${what} saknas. Skriv kommun eller landsting.`,
  notDigits: (what: string, value: string, digits: number, example: string) =>
    `${what} (${value}) ska vara ${digits === 4 ? "fyra" : digits === 2 ? "två" : digits} siffror, t.ex. ${example}.`,
  notOrganisationNumber: (what: string, value: string) =>
    `${what} (${value}) ska vara tio siffror, t.ex. 212000-0142 (sex siffror, bindestreck, fyra siffror).`,
  organisationNumberLikePersonal: (what: string, value: string) =>
    `${what} (${value}) har en tredje siffra under 2, som ett personnummer: ett organisationsnummers tredje siffra är minst 2 (Skatteverket, SKV 709). Kontrollera numret.`,
  wrongCheckDigit: (what: string, value: string, expected: number) =>
    `${what} (${value}) har fel kontrollsiffra: med de siffror som står före ska den sista vara ${expected}. Kontrollera numret.`,
  notBankgiro: (what: string, value: string) =>
    `${what} (${value}) ska vara sju eller åtta siffror, t.ex. 123-4566 eller 1234-5674.`,
  notPlusgiro: (what: string, value: string) => `${what} (${value}) ska vara två till åtta siffror, t.ex. 12 34 56-6.`,
  notPayeeKind: (what: string, value: string) =>
    `${what} (${value}) ska vara kommun, landsting eller län (länets mottagare av länsbidraget och det regionala stödet).`,
  notApplicantKind: (what: string, value: string, kinds: string) => `${what} (${value}) ska vara ${kinds}.`,
  notText: (what: string, value: string) => `${what} ska vara text, men cellen innehåller ${value}.`,
  notCode: (what: string, value: string) =>
    `${what} (${value}) är ingen kod: skriv koden som siffror (0114, 08) eller text (K1), utan decimaler och minustecken.`,
  textTooLong: (what: string, length: string, limit: string) =>
    `${what} har ${length} tecken, men en cell i Excel rymmer högst ${limit}. Korta texten.`,

  // Ranges and parameters of the custom functions.
  codeMissing: () => "partkod saknas men raden har värden. Fyll i koden eller töm raden.",
  lengthsDiffer: (what: string, rows: number, expected: number) =>
    `kolumnen ${what} har ${rows} rader men kodkolumnen har ${expected}. Alla kolumner ska vara lika långa.`,
  notOneColumn: (what: string) => `${what} ska vara en kolumn (ett område med en enda kolumn).`,
  parameterMissing: (what: string) => `${what} saknas. Skriv ett tal eller hänvisa till en cell med ett tal.`,
  parameterNotOneCell: (what: string, cells: number) =>
    `${what} ska vara ett enda tal, men området har ${cells} celler. Hänvisa till en enda cell.`,

  // A file and its table (the command line's --data folder and the pane's import).
  fileMissing: () => "filen saknas.",
  fileEmpty: (header: string) => `filen är tom. Första raden ska vara rubrikraden${header ? `: ${header}` : "."}`,
  noDataRows: (what: string) => `filen har en rubrikrad men inga rader med uppgifter (${what}). Fyll i raderna.`,
  unclosedQuote: () => 'ett citattecken (") saknar sitt avslutande citattecken. Rätta raden och spara filen igen.',
  tooManyValues: (values: number, columns: number, commaSeparated: boolean) =>
    `raden har ${values} värden men rubrikraden ${columns} kolumner. ` +
    (commaSeparated
      ? "Ett decimaltal med komma i en kommaseparerad fil måste stå inom citattecken; använd hellre semikolon som avgränsare."
      : "Ta bort de extra värdena eller lägg till kolumnerna i rubrikraden."),
  mixedDelimiters: (header: string, row: string) =>
    `raden har ett enda värde med ${row} i, men rubrikraden skiljer kolumnerna med ${header}. Använd samma avgränsare i hela filen.`,
  tooManyColumns: (columns: string, limit: string) =>
    `rubrikraden har ${columns} kolumner, men ett blad i Excel rymmer högst ${limit}. Kontrollera att det är rätt fil.`,
  tooManyRows: (rows: string, limit: string) =>
    `filen har ${rows} rader, men ett blad i Excel rymmer högst ${limit}. Kontrollera att det är rätt fil, eller dela upp den.`,
  headerRepeated: (headerRow: number) =>
    `raden upprepar rubrikraden (rad ${headerRow}); två filer har kanske klistrats ihop. Ta bort raden.`,
  columnMissing: (column: string, header: string) =>
    `kolumnen ${column} saknas i rubrikraden. Rubrikraden ska vara: ${header}`,
  columnTwice: (column: string) => `kolumnen ${column} finns två gånger i rubrikraden. Ta bort den ena.`,
  zipFile: () =>
    "filen är en Excel-arbetsbok (.xlsx) eller en annan zip-fil, inte text. Spara bladet som CSV " +
    "(Arkiv → Spara som → CSV UTF-8) och försök igen.",
  oldExcelFile: () =>
    "filen är en äldre Excel-arbetsbok (.xls), inte text. Spara bladet som CSV (Arkiv → Spara som → CSV UTF-8) och försök igen.",
  pdfFile: () => "filen är en PDF, inte text. Hämta uppgifterna som CSV och försök igen.",
  binaryFile: () =>
    "filen innehåller binära data (NUL-tecken), inte text. Spara uppgifterna som CSV (UTF-8 eller semikolonavgränsad) och försök igen.",
  tooManyRowsToWrite: (rows: string, limit: string, memory: string) =>
    `filen har ${rows} rader, men kommandoraden läser högst ${limit} rader ur den: varje rad blir en rad i ` +
    `arbetsboken, som skrivs i minnet, och med alla filer vid sina gränser tar det upp till ${memory} minne. Dela upp ` +
    "filen, t.ex. per år eller per kommun, och bygg en arbetsbok för varje del.",
  fileTooLarge: (size: string, limit: string) =>
    `filen är ${size}, men högst ${limit} läses. Dela upp filen eller kontrollera att det är rätt fil.`,
  notAFile: () => "är en katalog, inte en fil. Lägg CSV-filen här med det namnet.",
  notARegularFile: () =>
    "är ingen vanlig fil (en enhet, en namngiven pipe eller en socket), och den läses inte. Lägg CSV-filen här med det namnet.",
  mixedEncoding: (line: number) =>
    `filen är sparad som UTF-8 men rad ${line} har tecken i en annan teckenkodning (troligen Windows-1252, som "å" skrivet i en annan editor). ` +
    "Spara hela filen på nytt som CSV UTF-8 och försök igen.",
  linkLoop: () => "är en symbolisk länk som pekar i en slinga och leder aldrig till en fil. Ersätt länken med filen.",
  unreadable: (reason: string) => `filen går inte att läsa (${reason}).`,
  noPermission: () => "ingen behörighet att läsa",
  folderMissing: () => "katalogen finns inte. Ange en katalog med CSV-filerna (se data/demo).",
  folderIsFile: () => "är en fil, inte en katalog. Ange katalogen som innehåller CSV-filerna (se data/demo).",
  folderUnreadable: (reason: string) => `katalogen går inte att läsa (${reason}).`,
  moreProblems: (more: string, total: string) => `… och ${more} fel till (${total} sammanlagt).`,
} as const;
