-- A new opdracht looks up whether its gebied is already spelled that way (OpdrachtService.spelling).
create index opdracht_gebied_idx on opdracht (gebied);
