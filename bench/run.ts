/* `npm run bench`: every benchmark of the project, printed side by side in one run. */
import { benchAddin } from "./addin.bench";
import { benchFunctions } from "./functions.bench";
import { benchWorkbook } from "./workbook.bench";

const sections: (() => string[] | Promise<string[]>)[] = [benchFunctions, () => benchWorkbook(), benchAddin];
(async () => {
  for (const section of sections) {
    console.log((await section()).join("\n"));
    console.log("");
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
