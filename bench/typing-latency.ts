/**
 * Typing latency of the report editor: in Chromium with 4× CPU throttling, the time from a keystroke in a
 * table 三 cell to the updated findings being painted. Also the editor page's first-load JavaScript (gzip).
 */
import zlib from "node:zlib";
import { launchChromium, percentile, startBenchServer } from "./server";

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 120);
const GOAL_MS = 16;
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const JS_GOAL_KB = 200;

async function main() {
  const server = await startBenchServer(3391);
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
    const client = await page.context().newCDPSession(page);
    await client.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });

    await page.evaluate(() => {
      const state = window as unknown as { latencies: number[]; keyAt: number };
      state.latencies = [];
      state.keyAt = 0;
      document.addEventListener("keydown", () => (state.keyAt = performance.now()), true);
      const panel = document.querySelector('[data-testid="findings-panel"]')!;
      new MutationObserver(() => {
        const start = state.keyAt;
        if (!start) return;
        state.keyAt = 0;
        // After the next frame is produced and painted.
        requestAnimationFrame(() => setTimeout(() => state.latencies.push(performance.now() - start), 0));
      }).observe(panel, { subtree: true, childList: true, characterData: true });
    });

    const cell = page.getByLabel("「一、本年新收政府信息公开申请数量」的「自然人」");
    await cell.click();
    for (let i = 0; i < KEYSTROKES; i++) {
      // Typing a figure and deleting it again changes the findings every time.
      await page.keyboard.press(i % 2 === 0 ? "7" : "Backspace");
      await page.waitForFunction((count) => (window as unknown as { latencies: number[] }).latencies.length >= count, i + 1);
    }
    const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    console.log(`按键到检查结果重绘（${THROTTLE} 倍 CPU 降速，${sorted.length} 次按键）：p50 ${p50.toFixed(1)} ms，p95 ${p95.toFixed(1)} ms`);
    console.log(`typing-latency: p95 ${p95.toFixed(1)} ms (goal ${GOAL_MS} ms)`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
