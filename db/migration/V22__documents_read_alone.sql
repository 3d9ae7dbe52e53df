-- A document whose run died while other documents were being read beside it is not charged for the death: it is
-- queued again to be read alone (solo), and only a run that dies while it is the only one on its instance
-- (claimed_alone) counts against max-attempts. So one poisonous file fails after its own attempts, and a
-- document that merely shared the process with it never fails for it.
ALTER TABLE document ADD COLUMN solo BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE document ADD COLUMN claimed_alone BOOLEAN DEFAULT FALSE NOT NULL;
