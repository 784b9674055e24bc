-- lpad cut ids of a million and more to six characters (and so made them collide): pad, never cut.
CREATE OR REPLACE FUNCTION reports_set_public_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.public_ref IS NULL THEN
		NEW.public_ref := 'KCK-' || to_char(NEW.created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY') || '-'
			|| lpad(NEW.id::text, greatest(6, length(NEW.id::text)), '0');
	END IF;
	RETURN NEW;
END $$;
