/* `npm run bench`: every benchmark of the project, printed side by side in one run. */
import { benchFunctions } from "./functions.bench";
import { benchWorkbook } from "./workbook.bench";

const sections = [benchFunctions, () => benchWorkbook()];
for (const section of sections) {
  console.log(section().join("\n"));
  console.log("");
}
