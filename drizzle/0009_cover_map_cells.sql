-- A tile's cells are read from the index alone: x and y find them, the rest rides along.
CREATE INDEX report_cells_tile_idx ON report_cells (x, y) INCLUDE (district_id, category_id, status, type, reports, sum_x, sum_y);
