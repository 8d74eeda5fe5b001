// The "are you still studying?" question, shown inside the page (no notification permission needed).
// It lives in a closed shadow root so the page's styles cannot hide or restyle it, and it follows the
// video into full screen, where a lecture is usually watched.

export interface PresencePrompt {
  show(): void;
  hide(): void;
  readonly shown: boolean;
}

export interface PromptText {
  readonly question: string;
  readonly answer: string;
}

export function createPresencePrompt(
  document_: Document, // Test seam
  text: PromptText,
  onAnswer: () => void,
): PresencePrompt {
  const host = document_.createElement('studytrail-presence');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document_.createElement('div');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-live', 'assertive');
  const style = document_.createElement('style');
  style.textContent = `
    div { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 22rem;
          padding: 12px 16px; border-radius: 8px; background: #fff; color: #1f2328;
          box-shadow: 0 4px 16px rgba(0,0,0,.25); font: 15px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; }
    button { margin-top: 8px; padding: 6px 14px; font: inherit; cursor: pointer;
             border: 0; border-radius: 6px; background: #1a7f37; color: #fff; }`;
  const question = document_.createElement('p');
  question.style.margin = '0';
  question.textContent = text.question;
  const button = document_.createElement('button');
  button.type = 'button';
  button.textContent = text.answer;
  button.addEventListener('click', () => {
    prompt.hide();
    onAnswer();
  });
  box.append(question, button);
  root.append(style, box);

  const prompt: PresencePrompt = {
    show() {
      (document_.fullscreenElement ?? document_.documentElement).append(host);
    },
    hide() {
      host.remove();
    },
    get shown() {
      return host.isConnected;
    },
  };
  return prompt;
}
