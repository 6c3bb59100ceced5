// The sign-in form shown when the server asks for it: user name and password, and what went wrong in the
// page's language (a wrong password, or a lock-out with the seconds to wait).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { signIn } from "./sessionApi.ts";

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await signIn(user.trim(), password).catch(() => ({ ok: false as const, reason: "failed" as const }));
    setBusy(false);
    if (result.ok) {
      setPassword("");
      onSignedIn();
      return;
    }
    setProblem(
      result.reason === "locked"
        ? t("session.locked", { seconds: "retryAfter" in result ? result.retryAfter : 60 })
        : t(result.reason === "wrong" ? "session.wrong" : "session.failed"),
    );
  };

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t("session.heading")}</h2>
      <label>
        {t("session.user")}
        <input autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required />
      </label>
      <label>
        {t("session.password")}
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {problem ? (
        <p className="problem-box" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t("session.signIn")}
      </button>
    </form>
  );
}
