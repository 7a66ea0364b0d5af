import { enManager } from './en-manager';
import { enManagerCounter } from './en-manager-counter';
import { enReview } from './en-review';
import { koManager } from './ko-manager';
import { koManagerCounter } from './ko-manager-counter';
import { koReview } from './ko-review';
import { registerMessages } from './translate';

/**
 * The manager's screens' texts, registered when this module loads: it is imported only by the
 * lazy loader of those screens (../app/lazy-screens.ts), so the texts travel in the screens'
 * chunk, not in the desk's first bundle (issue 12 finding 10).
 */
export const managerMessages = {
  ko: { ...koManager, ...koManagerCounter, ...koReview },
  en: { ...enManager, ...enManagerCounter, ...enReview },
} as const;

registerMessages(managerMessages);
