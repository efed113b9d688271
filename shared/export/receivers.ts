/**
 * Receiving systems, and what each needs of an export beyond schema validity.
 *
 * Schema-valid is not ingested whole. Superdesk's ingest parsers read some elements and drop
 * others (docs/superdesk-field-map.md lists what they read): so an export aimed at Superdesk
 * puts each field where its parser looks, once. `generic` is any other system that follows the
 * IPTC standards as written; it keeps the exports as they were before receivers were known.
 *
 * Each rule below is one difference, named for what it changes; the formats read them from
 * `rulesFor(receiver)`, never by testing the receiver's name.
 */
export const RECEIVERS = ['superdesk', 'generic'] as const;
export type Receiver = (typeof RECEIVERS)[number];

export interface ReceiverRules {
  /**
   * A picture's caption field holds the caption alone, its credit sits in its own field once.
   * Generic: the caption field holds caption + printed credit (`… Ảnh: Thanh Hải/TTXVN`), the
   * way the agency prints it, and the credit is repeated in the credit field. Superdesk puts both
   * fields into one text (NITF body, picture item), where the credit then shows twice.
   */
  captionAlone: boolean;
  /**
   * NewsML-G2: photos also sit in the text body as NITF `<media>`. Superdesk's G2 parser flattens
   * them into body text (caption and credit repeated in the story); its picture items, in the
   * package, carry the pictures whole. Generic receivers keep the `<media>` and their position.
   */
  mediaInG2Body: boolean;
  /**
   * NewsML-G2: the location also as `subject type="cptType:5"`, the only place Superdesk's G2
   * parser reads a place from (it ignores `located` and `dateline`).
   */
  placeAsG2Subject: boolean;
  /**
   * NewsML-G2: Superdesk's parser reads `description` only for picture items, so a text item's
   * sapo reaches it only inside the body. With the profile's "sapo in body", it goes there as
   * the first paragraph (still also in `description` for other readers).
   */
  g2SapoUnread: boolean;
  /**
   * IPTC 7901: the headline line ends with ` =`, the standard's end-of-headline mark. Superdesk's
   * 7901 parser takes the whole line after STX as the headline, mark included, so it is left off.
   */
  iptc7901HeadlineMark: boolean;
  /**
   * Picture bytes are fetched only from an absolute http(s) address: Superdesk resolves a
   * relative href against its own host. Preflight warns when such a destination has no picture
   * base URL (the story then arrives without its images).
   */
  picturesOverHttp: boolean;
}

const RULES: Readonly<Record<Receiver, ReceiverRules>> = {
  superdesk: {
    captionAlone: true,
    mediaInG2Body: false,
    placeAsG2Subject: true,
    g2SapoUnread: true,
    iptc7901HeadlineMark: false,
    picturesOverHttp: true,
  },
  generic: {
    captionAlone: false,
    mediaInG2Body: true,
    placeAsG2Subject: false,
    g2SapoUnread: false,
    iptc7901HeadlineMark: true,
    picturesOverHttp: false,
  },
};

export function rulesFor(receiver: Receiver): ReceiverRules {
  return RULES[receiver];
}
