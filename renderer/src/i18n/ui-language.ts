/** The app's one UI language setting, over the library's `ui.get` / `ui.save` (ui-language-setting.ts). */
import { api } from '../api';
import { UiLanguageSetting } from './ui-language-setting';

export const uiLanguageSetting = new UiLanguageSetting(api.ui, () => navigator.languages);
