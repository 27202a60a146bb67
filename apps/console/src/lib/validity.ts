import { validityMessage } from '@hailong/domain';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Gives every refused form field a message in the page's language (see `validityMessage`),
 * for the whole document: set when the browser refuses the field, cleared as soon as it changes.
 */
export function watchValidity(locale: () => 'vi' | 'en'): void {
  document.addEventListener(
    'invalid',
    (event) => {
      const field = event.target as Field;
      field.setCustomValidity('');
      if (field.validity.valid) return;
      field.setCustomValidity(
        validityMessage(
          field.validity,
          {
            tag: field.tagName.toLowerCase(),
            type: 'type' in field ? field.type : '',
            minLength: 'minLength' in field ? field.minLength : 0,
            min: 'min' in field ? field.min : '',
            max: 'max' in field ? field.max : '',
          },
          locale(),
        ),
      );
    },
    true,
  );
  const clear = (event: Event) => (event.target as Field).setCustomValidity?.('');
  document.addEventListener('input', clear, true);
  document.addEventListener('change', clear, true);
}
