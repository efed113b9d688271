import type { RenderElementProps } from 'slate-react';
import type { Photo } from '../../../../shared/model/schema';

/** A photo with its caption and credit (a void block: Slate does not edit inside it). */
export function PhotoElement({ attributes, children, element }: RenderElementProps & { element: Photo }) {
  return (
    <figure {...attributes} className="photo" contentEditable={false}>
      <figcaption>
        {element.caption} {element.credit && <span className="credit">{element.credit}</span>}
      </figcaption>
      {children}
    </figure>
  );
}
