import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { readCspNonce, stampNonceOnStyles } from "./csp";
import { initI18n } from "./i18n";
import "./styles.css";

const nonce = readCspNonce();
if (nonce) stampNonceOnStyles(nonce);

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App nonce={nonce} />
    </StrictMode>,
  );
});
