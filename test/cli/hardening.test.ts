// Issue #18 (hardening): CLI attacks the nasty-values sweep does not cover (units from src/cli).
import { spawn } from "node:child_process";
import { buildSync } from "esbuild";
import { lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeAll } from "../../src/cli/output.js";
import { Problems, decimal, numberColumn, textColumn, xColumn } from "../../src/cli/convert.js";
import { main } from "../../src/cli/main.js";
import { readTable, type Table } from "../../src/cli/table.js";
import { describe, expect, it } from "vitest";
import { slug } from "../../src/cli/slug.js";

describe("finding 6: the group slug is linear", () => {
  it("slugs a 2 MB key of dashes (10× the 200 KB key that took 63 s)", () => {
    expect(slug(`a${"-".repeat(2_000_000)}b`)).toBe(`a${"-".repeat(59)}`);
    expect(slug("-".repeat(2_000_000))).toBe("group");
  });

  it("keeps the old names", () => {
    expect(slug("North / East")).toBe("North-East");
    expect(slug("--a b--")).toBe("a-b");
    expect(slug("Север")).toBe("group");
    expect(slug(`${"y".repeat(70)}`)).toBe("y".repeat(60));
  });
});

// Finding 5: inputs read as what they are not.

function memoryIo() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } } };
}
const fakeTable = { where: (i: number, c?: string) => `t.csv: row ${i + 2}, column ${c}` } as unknown as Table;

describe("finding 5: inputs read as what they are not", () => {
  it("command names that are Object's members are unknown commands (exit 2)", async () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      const { out, io } = memoryIo();
      expect(await main([name], io as never)).toBe(2);
      expect(out.stderr).toContain("unknown command");
      const help = memoryIo();
      expect(await main(["help", name], help.io as never)).toBe(2);
    }
  });

  it("JSON rows without a column read blank, never Object.prototype members", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pace-qi-h18-"));
    const file = join(dir, "rows.json");
    writeFileSync(file, JSON.stringify([{ x: 1, y: 2, constructor: "c1", valueOf: "g" }, { x: 2, y: 3 }]));
    const t = await readTable(file, { columns: ["constructor", "valueOf", "toString"] });
    expect(t.columns.get("constructor")).toEqual(["c1", undefined]);
    expect(t.columns.get("valueOf")).toEqual(["g", undefined]);
    expect(t.columns.has("toString")).toBe(false);
    expect(textColumn([...t.columns.get("constructor")!])).toEqual(["c1", ""]);
    writeFileSync(file, JSON.stringify({ notRows: [] }));
    await expect(readTable(file, { columns: [] })).rejects.toThrow(/expected an array of rows/);
  });

  it("numbers are plain decimals: 0x1A, 0b11, 0o17 and Infinity are not numbers", () => {
    expect([decimal("12"), decimal(" -3 "), decimal("12.5"), decimal(".5"), decimal("1e3"), decimal("+4"), decimal("5.")]).toEqual([12, -3, 12.5, 0.5, 1000, 4, 5]);
    for (const s of ["0x1A", "0b11", "0o17", "Infinity", "-Infinity", "1,234", "45%", "", "1e", "0x"]) expect(decimal(s)).toBeNaN();
    const p = new Problems();
    expect(numberColumn(fakeTable, "y", ["0x1A", "0b11", "0o17", "1e3"], p)).toEqual([null, null, null, 1000]);
    expect(p.count).toBe(3);
    expect(p.list[0]).toBe("t.csv: row 2, column y: '0x1A' is not a number");
    // An x column with 0x1A is not numeric (it was 26, which reordered the points): read as dates, so an error.
    const q = new Problems();
    expect(xColumn(fakeTable, "x", ["1", "0x1A", "3"], "iso", q).kind).toBe("date");
    expect(q.count).toBeGreaterThan(0);
  });

  it("JSON ids beyond 2^53 are an error, not two children merged", () => {
    expect(() => textColumn([9007199254740992, 9007199254740993])).toThrow(/beyond 2\^53/);
    expect(() => textColumn([1, 2 ** 60], (i) => `cases.json: [${i}].child`)).toThrow(/^cases\.json: \[1\]\.child: the id/);
    expect(textColumn([9007199254740991, 1.5, -3])).toEqual(["9007199254740991", "1.5", "-3"]);
  });
});

describe("finding 8: no control codes from the data reach the terminal", () => {
  it("terminalSafe writes control characters as visible escapes; JSON stays the same JSON", async () => {
    const { terminalSafe } = await import("../../src/cli/terminal.js");
    expect(terminalSafe("a\u001b[2Jb\u0007c\u009b31m\u202ed\te\r\nf\rg")).toBe("a\\u001b[2Jb\\u0007c\\u009b31m\\u202ed\te\nf\\u000dg");
    const json = JSON.stringify({ g: "x\u0085y\u202e" });
    expect(JSON.parse(terminalSafe(json))).toEqual({ g: "x\u0085y\u202e" });
  });

  it("cells, group names and file names are filtered in what analyse prints", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pace-qi-h18-"));
    const rows = ["month,value,g"];
    for (let i = 0; i < 12; i++) rows.push(`2024-${String(i + 1).padStart(2, "0")}-01,${10 + i},North\u001b]52;c;bGVhaw==\u0007`);
    writeFileSync(join(dir, "ok.csv"), `${rows.join("\n")}\n`);
    writeFileSync(join(dir, "bad.csv"), "month,value\n2024-01-01,\u001b[2J12\n");
    const good = memoryIo();
    expect(await main(["analyse", join(dir, "ok.csv"), "--x", "month", "--y", "value", "--by", "g"], good.io as never)).toBe(0);
    expect(good.out.stdout).toContain("North\\u001b]52;c;bGVhaw==\\u0007");
    const bad = memoryIo();
    expect(await main(["analyse", join(dir, "bad.csv"), "--x", "month", "--y", "value"], bad.io as never)).toBe(1);
    expect(bad.out.stderr).toContain("\\u001b[2J12");
    for (const text of [good.out.stdout, good.out.stderr, bad.out.stdout, bad.out.stderr]) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("finding 4: the CLI's files", () => {
  const fresh = () => mkdtempSync(join(tmpdir(), "pace-qi-h18-"));
  const hidden = (dir: string) => readdirSync(dir).filter((n) => n.includes(".pace-qi-"));

  it("groups that slug alike get distinct file names (Север/Юг, a b/a/b, long shared prefixes)", async () => {
    const dir = fresh();
    const long = "x".repeat(70);
    const groups = ["Север", "Юг", "a b", "a/b", `${long}1`, `${long}2`];
    const rows = ["month,value,g"];
    for (const g of groups) for (let i = 0; i < 12; i++) rows.push(`2024-${String(i + 1).padStart(2, "0")}-01,${10 + i},${g}`);
    writeFileSync(join(dir, "in.csv"), `${rows.join("\n")}\n`);
    const { out, io } = memoryIo();
    expect(await main(["analyse", join(dir, "in.csv"), "--x", "month", "--y", "value", "--by", "g", "--svg", join(dir, "chart.svg")], io as never)).toBe(0);
    const svgs = readdirSync(dir).filter((n) => n.endsWith(".svg")).sort();
    expect(svgs).toHaveLength(6);
    expect(svgs).toContain("chart-group.svg");
    expect(svgs).toContain("chart-group-2.svg");
    expect(svgs).toContain("chart-a-b.svg");
    expect(svgs).toContain("chart-a-b-2.svg");
    for (const s of svgs) expect(out.stdout).toContain(`Wrote ${join(dir, s)}`);
  });

  it("never writes through or replaces a symbolic link or a device", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "target.txt"), "keep");
    symlinkSync(join(dir, "target.txt"), join(dir, "link.svg"));
    await expect(writeAll([{ path: join(dir, "ok.svg"), content: "new" }, { path: join(dir, "link.svg"), content: "<svg/>" }])).rejects.toThrow(/link\.svg: is a symbolic link/);
    expect(readFileSync(join(dir, "target.txt"), "utf8")).toBe("keep");
    expect(lstatSync(join(dir, "link.svg")).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["link.svg", "target.txt"]); // nothing written, not even ok.svg
    await expect(writeAll([{ path: "/dev/null", content: "x" }])).rejects.toThrow(/\/dev\/null: is not a regular file/);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses to overwrite an input of the command", async () => {
    const dir = fresh();
    const csv = `month,value\n${Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}-01,${i}`).join("\n")}\n`;
    writeFileSync(join(dir, "in.csv"), csv);
    const { out, io } = memoryIo();
    expect(await main(["analyse", join(dir, "in.csv"), "--x", "month", "--y", "value", "--svg", join(dir, "in.csv")], io as never)).toBe(1);
    expect(out.stderr).toMatch(/in\.csv: is an input of this command/);
    expect(readFileSync(join(dir, "in.csv"), "utf8")).toBe(csv);
  });

  it("all or nothing: a failure while writing leaves the old files and no temporaries, and names the output", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "a.json"), "old a");
    function* failing(): Generator<string> {
      yield "partial";
      throw Object.assign(new Error("disk full"), { code: "ENOSPC", path: join(dir, ".b.csv.tmp") });
    }
    await expect(writeAll([{ path: join(dir, "a.json"), content: "new a" }, { path: join(dir, "b.csv"), content: failing() }])).rejects.toThrow(/b\.csv: cannot write \(ENOSPC\); nothing was written/);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old a");
    expect(readdirSync(dir)).toEqual(["a.json"]);
    await writeAll([{ path: join(dir, "a.json"), content: "new a" }, { path: join(dir, "b.csv"), content: ["x", "y"] }]);
    expect([readFileSync(join(dir, "a.json"), "utf8"), readFileSync(join(dir, "b.csv"), "utf8")]).toEqual(["new a", "xy"]);
    expect(hidden(dir)).toEqual([]);
  });

  it("all or nothing: folders created for the outputs are removed again when writing fails (CLI fuzzer, seed 754685690)", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "keep.txt"), "kept");
    function* failing(): Generator<string> {
      yield "partial";
      throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
    }
    const files = [{ path: join(dir, "new", "deeper", "a.svg"), content: "<svg/>" }, { path: join(dir, "other", "b.csv"), content: failing() }];
    await expect(writeAll(files)).rejects.toThrow(/b\.csv: cannot write \(ENOSPC\); nothing was written/);
    expect(readdirSync(dir)).toEqual(["keep.txt"]);
  });

  it("an empty output name is a usage error before anything is read or written", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "in.csv"), "month,value\n2024-01-01,1\n");
    for (const [flag, name] of [["--out", ""], ["--svg", ""], ["--out", "  "], ["--svg", " "]] as const) {
      const { out, io } = memoryIo();
      const other = flag === "--svg" ? ["--out", join(dir, "x", "y.json")] : ["--svg", join(dir, "x", "y.svg")];
      expect(await main(["analyse", join(dir, "in.csv"), "--x", "month", "--y", "value", ...other, flag, name], io as never)).toBe(2);
      expect(out.stderr).toContain(flag === "--out" ? "--out needs a file or folder name" : "--svg needs a file name");
    }
    expect(readdirSync(dir)).toEqual(["in.csv"]);
  });

  it("SIGINT or SIGTERM while writing leaves no temporary files and the old outputs", async () => {
    // Node 20 cannot import TypeScript: bundle the writer with esbuild (tsup's) into a module first.
    const bundle = join(fresh(), "output.mjs");
    buildSync({ entryPoints: [join(process.cwd(), "src/cli/output.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "silent" });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const dir = fresh();
      writeFileSync(join(dir, "old.csv"), "old");
      const script = `
        const { writeAll } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
        function* big() { process.stdout.write("started\\n"); for (let i = 0; i < 4000; i++) yield "x".repeat(1 << 16); }
        await writeAll([{ path: ${JSON.stringify(join(dir, "old.csv"))}, content: "new" }, { path: ${JSON.stringify(join(dir, "big.csv"))}, content: big() }]);
        process.stdout.write("finished\\n");`;
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      let errors = "";
      child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
      const code = await new Promise<number | null>((done) => {
        child.stdout.on("data", (d: Buffer) => {
          text += d.toString();
          if (text.includes("started")) child.kill(signal);
        });
        child.on("exit", (c) => done(c));
      });
      expect(errors).toBe("");
      expect(text).not.toContain("finished");
      expect(code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(readdirSync(dir)).toEqual(["old.csv"]);
      expect(readFileSync(join(dir, "old.csv"), "utf8")).toBe("old");
    }
  });
});
