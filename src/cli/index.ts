import { runCli } from "./haidang.js";

await runCli(process.argv);
