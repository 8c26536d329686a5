import { describe, expect, it } from "vitest";
import { IMPORT_FILE_TOO_LARGE, importFileProblem, importSourceSchema, MAX_IMPORT_FILE_BYTES } from "./import-source";

describe("what may be sent for import", () => {
  it("names the problem of a file, the same for the form and the server action", () => {
    expect(importFileProblem(undefined)).toBe("请选择要导入的文件");
    expect(importFileProblem({ name: "报告.doc", size: 10 })).toBe("只能导入 .docx、.pdf、.html、.htm 或 .txt 文件");
    expect(importFileProblem({ name: "报告.PDF", size: 10 })).toBeNull();
    expect(importFileProblem({ name: "报告.docx", size: 0 })).toBe("文件是空的");
    expect(importFileProblem({ name: "报告.html", size: MAX_IMPORT_FILE_BYTES + 1 })).toBe(IMPORT_FILE_TOO_LARGE);
    expect(importFileProblem({ name: "报告.TXT", size: MAX_IMPORT_FILE_BYTES })).toBeNull();

    const server = importSourceSchema.safeParse({ source: "file", file: new File(["x"], "报告.doc") });
    expect(server.success).toBe(false);
    expect(server.error?.issues.map((issue) => issue.message)).toEqual(["只能导入 .docx、.pdf、.html、.htm 或 .txt 文件"]);
  });

  it("asks for text when pasting and for a way when neither is chosen", () => {
    expect(importSourceSchema.safeParse({ source: "text", text: "  " }).error?.issues[0].message).toBe("请粘贴报告全文");
    expect(importSourceSchema.safeParse({ source: "text", text: "报告全文" }).success).toBe(true);
    expect(importSourceSchema.safeParse({}).error?.issues[0].message).toBe("请选择导入方式：上传文件或粘贴全文");
  });
});
