/** The alliance's catalog: its shops and the rewards they offer for points. */
export interface Alliance {
  allianceId: string;
  name: string;
  nameEn: string;
  /** What one point is worth to the alliance, in fen. */
  pointValueFen: number;
}

export interface Merchant {
  merchantId: string;
  allianceId: string;
  name: string;
  nameEn: string;
  kind: string;
  gridId: string;
  address: string;
}

export interface Reward {
  rewardId: string;
  merchantId: string;
  /** The shop's name, carried so listing rewards needs no join. */
  merchantName: string;
  title: string;
  titleEn: string;
  points: number;
  stock: number;
}
