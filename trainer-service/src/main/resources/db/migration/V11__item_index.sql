-- A two-tower model's item index (the graph of its approximate-nearest-neighbour search), an artifact built once
-- when the model is registered and loaded with it; null for the other architectures and for older models.
alter table model add column index_uri text;
