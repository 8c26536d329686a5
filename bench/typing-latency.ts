/**
 * Typing latency of the report editor: in Chromium with 4× CPU throttling, the time from a keystroke in a
 * table 三 cell to the updated findings being painted. Also the editor page's first-load JavaScript (gzip).
 */
import zlib from "node:zlib";
import type { Locator, Page } from "@playwright/test";
import { launchChromium, percentile, startBenchServer } from "./server";

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 120);
/** The editor's p95 may take at most this many times the bare page's p95 measured in the same run (#14). */
const GOAL_RATIO = 1.5;
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const JS_GOAL_KB = 200;

async function main() {
  const server = await startBenchServer(Number(process.env.BENCH_PORT ?? 3391));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("用户名").fill("clerk");
    await page.getByLabel("密码").fill("clerk2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("报告年度").selectOption("2025");
    await page.getByRole("button", { name: "开始填写该年度报告" }).click();
    await page.waitForURL(/\/reports\/\d+$/);
    const editorUrl = page.url();

    // First-load JavaScript of the editor page, as a fresh visitor's browser downloads it.
    const fresh = await browser.newContext({ storageState: await page.context().storageState() });
    const freshPage = await fresh.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    freshPage.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.set(response.url(), response.body());
    });
    await freshPage.goto(editorUrl, { waitUntil: "networkidle" });
    let gzipBytes = 0;
    for (const [url, body] of scripts) {
      const size = zlib.gzipSync(await body, { level: 9 }).length;
      if (process.env.BENCH_VERBOSE) console.log(`  ${url} ${(size / 1024).toFixed(1)} KB`);
      gzipBytes += size;
    }
    await fresh.close();
    const jsKb = gzipBytes / 1024;
    console.log(`编辑页首次加载 JavaScript：${scripts.size} 个文件，gzip 后 ${jsKb.toFixed(1)} KB（目标 ≤ ${JS_GOAL_KB} KB）`);
    console.log(`first-load-js: ${jsKb.toFixed(1)} KB gzip (goal ${JS_GOAL_KB} KB)`);

    await page.getByRole("navigation", { name: "报告栏目" }).getByRole("button", { name: /三、收到和处理/ }).click();
    const editor = await measureKeystrokes(page, page.getByLabel("「一、本年新收政府信息公开申请数量」的「自然人」"));

    // The same measurement on a bare page (one input, one line of text it updates), in the same browser at the
    // same throttling: what Chromium on this machine needs at the least for a keystroke to reach the screen.
    const bare = await browser.newPage();
    await bare.setContent(
      `<input aria-label="参照输入框"><p data-testid="findings-panel">0</p>` +
        `<script>document.querySelector("input").addEventListener("input", (e) => { document.querySelector("p").textContent = e.target.value.length; });</script>`,
    );
    const floor = await measureKeystrokes(bare, bare.getByLabel("参照输入框"));

    console.log(`空白参照页（同一浏览器、同样 ${THROTTLE} 倍降速）：p50 ${floor.p50.toFixed(1)} ms，p95 ${floor.p95.toFixed(1)} ms`);
    console.log(`按键到检查结果重绘（${THROTTLE} 倍 CPU 降速，${KEYSTROKES} 次按键）：p50 ${editor.p50.toFixed(1)} ms，p95 ${editor.p95.toFixed(1)} ms`);
    const ratio = editor.p95 / floor.p95;
    console.log(
      `typing-latency: ${ratio.toFixed(1)}x bare page p95 (editor ${editor.p95.toFixed(1)} ms, bare ${floor.p95.toFixed(1)} ms; goal ${GOAL_RATIO}x)`,
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

/**
 * Types into the input and times each keystroke, from keydown to the frame after the findings panel
 * (`data-testid="findings-panel"`) changed. The next key waits for the previous one's figure.
 */
async function measureKeystrokes(page: Page, input: Locator): Promise<{ p50: number; p95: number }> {
  // The page reports each figure through a binding, so nothing is sent to the page between a key and its
  // figure: an evaluate or a polling wait there would run in the page inside the time being measured.
  let figureRecorded: () => void = () => {};
  await page.exposeFunction("latencyRecorded", () => figureRecorded());
  const client = await page.context().newCDPSession(page);
  await client.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.evaluate(() => {
    const state = window as unknown as LatencyState;
    state.latencies = [];
    state.keyAt = 0;
    document.addEventListener("keydown", () => (state.keyAt = performance.now()), true);
    const panel = document.querySelector('[data-testid="findings-panel"]')!;
    new MutationObserver(() => {
      const start = state.keyAt;
      if (!start) return;
      state.keyAt = 0;
      // After the next frame is produced and painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          state.latencies.push(performance.now() - start);
          void state.latencyRecorded();
        }, 0),
      );
    }).observe(panel, { subtree: true, childList: true, characterData: true });
  });
  await input.click();
  for (let i = 0; i < KEYSTROKES; i++) {
    const recorded = new Promise<void>((resolve) => (figureRecorded = resolve));
    // Typing a figure and deleting it again changes the findings every time.
    await page.keyboard.press(i % 2 === 0 ? "7" : "Backspace");
    await recorded;
  }
  await client.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const sorted = (await page.evaluate(() => (window as unknown as LatencyState).latencies)).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

type LatencyState = { latencies: number[]; keyAt: number; latencyRecorded: () => Promise<void> };

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
