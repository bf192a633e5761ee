/* `npm run bench`: every benchmark of the project, printed side by side in one run. */
import { benchAddin } from "./addin.bench";
import { benchFunctions } from "./functions.bench";
import { benchLarge } from "./large.bench";
import { benchWorkbook } from "./workbook.bench";

const sections: (() => string[] | Promise<string[]>)[] = [
  benchFunctions,
  () => benchWorkbook(),
  () => benchLarge(),
  benchAddin,
];
(async () => {
  for (const section of sections) {
    console.log((await section()).join("\n"));
    console.log("");
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
