/** What a user types to change their own password, checked the same in the browser and on the server. */
import { z } from "zod";
import "@/lib/zod-in-browser";

export const NEW_PASSWORD_MIN_LENGTH = 10;

/** Passwords everybody has seen: the demo accounts' and the usual guesses. */
const KNOWN_PASSWORDS = new Set(["clerk2026", "super2026", "admin2026", "password123", "1234567890", "12345678910", "qwertyuiop"]);

export const newPasswordSchema = z
  .string({ error: "请填写新密码" })
  .min(NEW_PASSWORD_MIN_LENGTH, `新密码至少需要 ${NEW_PASSWORD_MIN_LENGTH} 个字符`)
  .max(200, "新密码不能超过 200 个字符")
  .refine((value) => !KNOWN_PASSWORDS.has(value.toLowerCase()), "这个密码太常见或是示例密码，请换一个")
  .refine((value) => new Set(value).size >= 4, "新密码过于简单，请混合使用不同的字母、数字或符号");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(200, "当前密码不正确"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "请再次填写新密码" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "两次填写的新密码不一致",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "新密码不能与当前密码相同",
  });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

